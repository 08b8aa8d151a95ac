/** Example scheduler plugin: copy this bundle to start your own policy. Nothing here is exported. */
package org.rtmmlab.scheduler.example;
