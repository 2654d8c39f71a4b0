-- A platform's website (issue 20's one-field change: docs/adding-a-field.md).
ALTER TABLE platform ADD COLUMN website text;
