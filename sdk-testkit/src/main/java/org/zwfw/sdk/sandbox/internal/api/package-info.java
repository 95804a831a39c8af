/**
 * The sandbox's service-network API ({@code spec/openapi/zwfw-api.yaml}, below {@code /v1}): the
 * gate that verifies every request and signs every answer ({@code spec/api-signing.md} §6, §7),
 * the operations over service items, uploads, cases, appointments and e-certificates, idempotency
 * records, pagination, rate limits, webhooks and the test hooks ({@code spec/sandbox.md} §11).
 * Not exported.
 */
package org.zwfw.sdk.sandbox.internal.api;
