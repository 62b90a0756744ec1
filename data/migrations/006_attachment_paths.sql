-- An attachment's path is kept relative to the attachments folder
-- ("<proposal id>/<name>"), no longer to the data folder
-- ("attachments/<proposal id>/<name>"): the program resolves it inside that
-- folder and refuses any path that would leave it (a crafted backup with
-- "../victim.txt" could otherwise make 移除 delete a file elsewhere).

UPDATE attachment SET path = substr(path, 13) WHERE path LIKE 'attachments/%';
