"""Website engine of Järjestöjen sote-muutostuki: content model, pages, feeds and calendars."""
