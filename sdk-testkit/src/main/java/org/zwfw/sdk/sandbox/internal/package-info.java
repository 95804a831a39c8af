/**
 * The sandbox's implementation: HTTP routing, strict JSON, problem details, state files and the
 * issuer endpoints. Not an API: these classes are public only so that the sandbox's packages can
 * share them, and they change without notice.
 */
package org.zwfw.sdk.sandbox.internal;
