/** App Services rules: roles, filters and the expressions and expansions they are written in. */
package dev.appservices.emulator.internal.data.rules;
