/** RFC 9457 problem answers for everything a client can get wrong, on both sides; never a stack trace. */
package com.ticketledger.web.problem;
