"""The site overview: every TPS of a prison's server side by side, read-only (`tps-console site`)."""
