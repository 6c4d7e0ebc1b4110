/**
 * Files the desk exchanges (attachments): what their bytes are, whatever their name or the uploader claims, and
 * how their names are shown and sent back without ever being trusted.
 */
package com.ticketledger.web.content;
