/**
 * Single use: the {@link org.zwfw.sdk.replay.ReplayStore} interface that every check of "seen
 * before?" goes through ({@code jti} of real-name tokens and e-SSC QR codes, webhook deliveries,
 * request nonces), and its bounded in-memory default. A store shared by every node of a
 * deployment (Redis, a database) implements the same interface.
 */
package org.zwfw.sdk.replay;
