/** Wires what both HTTP sides share into each Spring Boot application. */
package com.ticketledger.web.config;
