// Text put into XML (the Atom feed): escaped, and stripped of every character XML 1.0 does not
// allow (C0 controls other than tab and newlines, lone surrogates, U+FFFE/U+FFFF), one of which
// would make the whole feed ill-formed. The CMS refuses such characters at input; this is the second line.
// eslint-disable-next-line no-control-regex
const NotXml = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g

export const xmlText = (s: string): string =>
  s.replace(NotXml, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
