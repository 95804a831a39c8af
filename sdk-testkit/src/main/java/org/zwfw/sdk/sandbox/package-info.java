/**
 * The sandbox: a local emulator of the province platform over real HTTP on loopback, with real
 * keys and signatures. Start one with {@link org.zwfw.sdk.sandbox.Sandbox#builder()}; its
 * endpoints are specified in {@code spec/sandbox.md}.
 */
package org.zwfw.sdk.sandbox;
