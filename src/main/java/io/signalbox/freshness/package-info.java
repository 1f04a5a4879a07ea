/**
 * Freshness SLAs, watched (docs/freshness.md): each product that declares a freshness is moved through on time, at
 * risk and breached as its deadline (last reported refresh + declared freshness) approaches and passes, with the
 * history kept and the owner alerted once per transition ({@code watch}); the SLA page and its JSON twin report the
 * share of time on time per domain and product ({@code report}). Uses the catalog's and governance's services, never
 * their tables; owns {@code freshness_state} and {@code freshness_transition} (V24).
 */
package io.signalbox.freshness;
