package org.zwfw.sdk.sandbox.internal.api;

import java.util.Map;

/** Where the operations announce changes: the webhooks of {@code case.status_changed} and {@code ecert.status_changed}. */
interface Events {

    /**
     * @param appId the receiving application
     * @param type  the event type
     * @param data  the event's {@code data}
     */
    void emit(String appId, String type, Map<String, Object> data);
}
