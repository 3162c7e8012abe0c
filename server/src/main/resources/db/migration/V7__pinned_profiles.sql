-- The device profile the household chose for a client (a profile id such as 'sd-tv'), overriding recognition;
-- NULL when DiVA recognises the device by what it says of itself.
ALTER TABLE client_device ADD COLUMN pinned_profile VARCHAR(64);
