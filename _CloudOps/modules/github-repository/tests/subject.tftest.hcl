# Both subject formats, and every validation rejecting a bad value (the
# placeholders committed in the terraform.tfvars files among them).

run "classic" {
  command = plan
  variables {
    repository = { owner = "acme", name = "backend", subject_format = "classic" }
  }
  assert {
    condition     = output.full_name == "acme/backend" && output.subject_repository == "acme/backend" && output.subject_prefix == "repo:acme/backend:environment:"
    error_message = "classic: repo:OWNER/REPO:environment:"
  }
}

run "immutable" {
  command = plan
  variables {
    repository = { owner = "acme", name = "backend", subject_format = "immutable", owner_id = "123456", repository_id = "456789" }
  }
  assert {
    condition     = output.full_name == "acme/backend" && output.subject_repository == "acme@123456/backend@456789" && output.subject_prefix == "repo:acme@123456/backend@456789:environment:"
    error_message = "immutable: repo:OWNER@OWNER_ID/REPO@REPO_ID:environment:"
  }
}

run "rejects_the_committed_placeholders" {
  command = plan
  variables {
    repository = { owner = "<github-org>", name = "<backend-repo>", subject_format = "<classic-or-immutable>" }
  }
  expect_failures = [var.repository]
}

run "rejects_wildcard_name" {
  command = plan
  variables {
    repository = { owner = "acme", name = "*", subject_format = "classic" }
  }
  expect_failures = [var.repository]
}

run "rejects_immutable_without_ids" {
  command = plan
  variables {
    repository = { owner = "acme", name = "backend", subject_format = "immutable" }
  }
  expect_failures = [var.repository]
}

run "rejects_non_numeric_id" {
  command = plan
  variables {
    repository = { owner = "acme", name = "backend", subject_format = "immutable", owner_id = "acme", repository_id = "456789" }
  }
  expect_failures = [var.repository]
}

run "rejects_ids_with_classic" {
  command = plan
  variables {
    repository = { owner = "acme", name = "backend", subject_format = "classic", owner_id = "1", repository_id = "2" }
  }
  expect_failures = [var.repository]
}

run "rejects_unknown_format" {
  command = plan
  variables {
    repository = { owner = "acme", name = "backend", subject_format = "custom" }
  }
  expect_failures = [var.repository]
}
