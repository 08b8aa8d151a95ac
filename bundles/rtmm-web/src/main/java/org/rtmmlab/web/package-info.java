/**
 * The container's dashboard and JSON API on the OSGi servlet whiteboard: {@code /api/*} ({@link org.rtmmlab.web.ApiServlet}),
 * the page under {@code /ui/}, the access token ({@link org.rtmmlab.web.DashboardToken}). Internal: nothing is exported.
 */
package org.rtmmlab.web;
