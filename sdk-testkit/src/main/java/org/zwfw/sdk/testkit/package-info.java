/**
 * Support for users' tests: {@link org.zwfw.sdk.testkit.ZwfwSandbox} runs a local platform
 * sandbox for a JUnit 5 test class and hands its URL, trust anchor, trust list and clock to the
 * tests; {@link org.zwfw.sdk.testkit.TestClock} is a clock the test sets and moves.
 */
package org.zwfw.sdk.testkit;
