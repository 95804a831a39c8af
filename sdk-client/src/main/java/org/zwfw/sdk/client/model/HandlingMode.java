package org.zwfw.sdk.client.model;

/** How an item can be handled: 全程网办, 网上预审, 不见面, 掌上办. */
public enum HandlingMode {
    /** {@code FULLY_ONLINE} */
    FULLY_ONLINE,
    /** {@code ONLINE_PRECHECK} */
    ONLINE_PRECHECK,
    /** {@code NO_VISIT} */
    NO_VISIT,
    /** {@code MOBILE} */
    MOBILE;
}
