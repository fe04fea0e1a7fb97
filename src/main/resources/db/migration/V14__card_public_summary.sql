-- What customers may read about a card. Card titles are the team's words and never go into a customer
-- message; only a card with a public summary is named there, in these words. Existing cards have none.
ALTER TABLE card ADD COLUMN public_summary VARCHAR(200) DEFAULT '' NOT NULL;
