/**
 * Implementation detail shared by the SDK's packages: strict base64url, UTF-8 and JSON.
 * Not exported from the module; not part of the API.
 */
package org.zwfw.sdk.internal;
