package org.zwfw.sdk.conformance;

/**
 * Makes the build's test command run {@link StatusListVectors} (Surefire picks up classes named
 * {@code *Test} only). Delete when the status-list kind joins {@code ConformanceVectorsTest}.
 */
class StatusListVectorsTest extends StatusListVectors {
}
