/**
 * Adapters that plug the SDK's keys into nimbus-jose-jwt's {@code JWSSigner} and
 * {@code JWSVerifier} interfaces, so one JOSE stack serves the whole application. These are the
 * only public types of the SDK that expose nimbus types, by design.
 */
package org.zwfw.sdk.nimbus;
