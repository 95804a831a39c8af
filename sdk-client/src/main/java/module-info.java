/**
 * zwfw-sdk client: the service-network API (spec/openapi/zwfw-api.yaml) for department, bank and
 * vendor back ends, with its typed models. Optional beside the core, which verifies tokens and
 * e-certificates without it.
 */
module org.zwfw.sdk.client {
    requires transitive org.zwfw.sdk;
    requires transitive com.fasterxml.jackson.databind;
    requires transitive com.fasterxml.jackson.annotation;
    requires com.fasterxml.jackson.datatype.jsr310;
    requires org.slf4j;
    requires java.net.http;

    exports org.zwfw.sdk.client;
    exports org.zwfw.sdk.client.model;

    // Jackson reads and writes the records reflectively.
    opens org.zwfw.sdk.client.model to com.fasterxml.jackson.databind;
}
