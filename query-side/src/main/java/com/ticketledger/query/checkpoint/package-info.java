/**
 * The ledger's signed checkpoints: a Merkle tree (RFC 9162) over every event in global order, its root signed
 * with Ed25519 at intervals, inclusion and consistency proofs an outside party checks with nothing but a
 * checkpoint and the public key, and the verification that recomputes the tree from the stored events and
 * names the first position where it no longer matches what was signed.
 */
package com.ticketledger.query.checkpoint;
