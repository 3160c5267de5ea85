"""The clerk's routines as pure rules: inspections (A10), the census (A14), arrears (A15)."""
