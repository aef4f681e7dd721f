"""Links across the site: reading rendered HTML, linking terms where pages mention them, turning mentions into
backlinks, checking every link and anchor, and the site's own link profile. Pure functions over pages."""
