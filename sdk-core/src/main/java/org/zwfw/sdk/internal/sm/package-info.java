/**
 * The SDK's own national-crypto arithmetic: SM3 (GB/T 32905) and SM2 signatures (GB/T 32918.2) on
 * BouncyCastle's curve arithmetic, k·G for signing in constant time ({@code Sm2BaseMultiplier}). Not exported from the module; not part of the API. Keys, formats
 * and the reasons a signature fails are in {@code org.zwfw.sdk.crypto}; the benchmarks in
 * {@code sdk-bench} compare these against BouncyCastle's {@code SM3Digest} and {@code SM2Signer}.
 */
package org.zwfw.sdk.internal.sm;
