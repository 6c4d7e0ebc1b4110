/** What a request may carry: JSON bodies and query strings are read strictly, and anything unknown is refused. */
package com.ticketledger.web.input;
