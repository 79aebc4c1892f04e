"""The checks of scripts/validate-outputs, one kind of output file a module."""
