"""The browser editor at /admin/ (Decap CMS): its configuration from the field tables, its files."""
