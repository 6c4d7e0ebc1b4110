package com.ticketledger.web.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code ledger.http.*}: limits on what a request may carry.
 *
 * @param maxBodySize   any request body, JSON or form (over it: 400)
 * @param maxUploadSize the one file a multipart request may carry besides its other fields, whose size stays
 *                      within {@code maxBodySize} (over it: 413); {@code null} where nothing is uploaded, so a
 *                      multipart request is held to {@code maxBodySize} like any other
 */
@ConfigurationProperties("ledger.http")
public record HttpLimitsProperties(@DefaultValue("64KB") DataSize maxBodySize, DataSize maxUploadSize) {

    /** The most a multipart request may be: one file of {@code maxUploadSize} and a body's worth of the rest. */
    public long maxMultipartBytes() {
        return maxUploadSize == null ? maxBodySize.toBytes() : maxUploadSize.toBytes() + maxBodySize.toBytes();
    }

    /** The most one uploaded file may be. */
    public long maxFileBytes() {
        return maxUploadSize == null ? maxBodySize.toBytes() : maxUploadSize.toBytes();
    }
}
