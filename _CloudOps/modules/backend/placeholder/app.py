"""Placeholder for lambda-catalog until the deploy action publishes the real code.

Terraform creates the function with a zip of this file only; the ecom-deploy
action owns the real package and moves the `live` alias to its versions.
"""
import json


def handler(event, context):  # noqa: ARG001 - Lambda signature
    return {
        "statusCode": 503,
        "headers": {"content-type": "application/json", "retry-after": "60"},
        "body": json.dumps({"message": "not deployed yet"}),
    }
