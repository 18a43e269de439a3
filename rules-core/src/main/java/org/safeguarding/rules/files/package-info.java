/**
 * What a file must be before anything in it is read: an Excel workbook package, small enough,
 * with no active content, that Excel, LibreOffice and POI read alike. At the bottom of the
 * library: it depends on nothing else in it, and the api, tables and scenarios packages use it.
 */
package org.safeguarding.rules.files;
