-- Local stack only (docker-compose.yml), run once when the database volume is created: the frontend's login.
-- The migrations grant chatbot_frontend what the web tier needs and nothing more.
CREATE ROLE chatbot_frontend NOLOGIN;
CREATE ROLE chatbot_web LOGIN PASSWORD 'chatbot-web' IN ROLE chatbot_frontend;
