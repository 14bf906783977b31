terraform {
  # No provider: only validation and string building.
  required_version = ">= 1.6.0"
}
