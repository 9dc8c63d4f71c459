/** One data subject's key, wrapped by the master key; after erasure only the tombstone is left. */
export interface SubjectKeyRow {
  subject_id: string;
  /** Null once erased: the key material is gone, the row stays so it is never re-created. */
  wrapped_key: string | null;
  master_key_id: string;
  created_at: string;
  erased_at: string | null;
  erase_reason: string | null;
}

export interface PrivacyTables {
  pd_subject_keys: SubjectKeyRow;
}
