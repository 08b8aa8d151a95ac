package org.rtmmlab.web;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardResource;

/** The dashboard page and its script and style, served from this bundle's {@code /ui} folder at {@code /ui/*}. */
@Component(service = UiResources.class)
@HttpWhiteboardResource(pattern = "/ui/*", prefix = "/ui")
public class UiResources {
}
