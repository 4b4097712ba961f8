<?xml version="1.0" encoding="UTF-8"?>
<!-- A feed opened in a browser (RSS 2.0 or Atom 1.0): a readable Finnish page that says what a feed is, gives
     its address to copy and lists its posts. Feed readers ignore this stylesheet; the feed itself is unchanged
     (feeds/xml_feeds.py only adds the xml-stylesheet instruction). Same origin as the feed, no scripts, no
     third-party requests. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/"
                exclude-result-prefixes="atom dc">
  <xsl:output method="html" encoding="UTF-8" indent="yes" doctype-system="about:legacy-compat"/>

  <xsl:variable name="title" select="/rss/channel/title | /atom:feed/atom:title"/>
  <xsl:variable name="home" select="/rss/channel/link | /atom:feed/atom:link[@rel='alternate']/@href"/>
  <xsl:variable name="self" select="/rss/channel/atom:link[@rel='self']/@href | /atom:feed/atom:link[@rel='self']/@href"/>
  <!-- the site's root: the feed's logo lives at <root>assets/muutostuki/ (feeds/channel.py) -->
  <xsl:variable name="root" select="substring-before((/rss/channel/image/url | /atom:feed/atom:icon)[1], 'assets/muutostuki/')"/>
  <xsl:variable name="format">
    <xsl:choose><xsl:when test="/rss">RSS</xsl:when><xsl:otherwise>Atom</xsl:otherwise></xsl:choose>
  </xsl:variable>

  <xsl:template match="/">
    <html lang="fi">
      <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <meta name="robots" content="noindex"/>
        <title>Syöte: <xsl:value-of select="$title"/></title>
        <style>
          body { margin: 0; font: 1rem/1.55 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: #1a1a1a; background: #fff; }
          header.top { background: #0b5a6e; color: #fff; padding: 0.8rem 1rem; }
          header.top a { color: #fff; font-weight: 700; }
          main { max-width: 46rem; margin: 0 auto; padding: 1rem; }
          h1 { font-size: 1.6rem; line-height: 1.25; margin: 0.6rem 0; }
          .about { background: #eef6f8; border-left: 4px solid #0b5a6e; padding: 0.6rem 1rem; margin: 1rem 0 1.5rem; }
          .about p { margin: 0.4rem 0; }
          code { display: block; overflow-wrap: anywhere; word-break: break-all; background: #fff; border: 1px solid #5a6570; padding: 0.3rem 0.5rem; font-size: 0.9rem; }
          a { color: #0a5570; text-underline-offset: 0.15em; }
          a:focus-visible { outline: 3px solid #1a1a1a; outline-offset: 2px; box-shadow: 0 0 0 5px #ffd54f; }
          ol { list-style: none; padding: 0; }
          li { border-top: 1px solid #d0d7de; padding: 0.8rem 0; }
          li h3 { font-size: 1.1rem; margin: 0 0 0.2rem; }
          .date { color: #4a5560; font-size: 0.9rem; margin: 0 0 0.3rem; }
          .summary { margin: 0; }
        </style>
      </head>
      <body>
        <header class="top"><a href="{$root}">Järjestöjen sote-muutostuki</a></header>
        <main>
          <h1>Syöte: <xsl:value-of select="$title"/></h1>
          <section class="about" aria-labelledby="about-h">
            <h2 id="about-h" style="font-size:1.1rem;margin:0.3rem 0">Tämä on <xsl:value-of select="$format"/>-syöte</h2>
            <p>Syöte on sivuston uusien kirjoitusten lista syötteenlukijaa varten. Kun lisäät tämän osoitteen
              syötteenlukijaan (esimerkiksi Feedly, Inoreader, NetNewsWire tai Thunderbird), uudet kirjoitukset
              tulevat sinulle itsestään.</p>
            <p>Syötteen osoite, jonka voit kopioida syötteenlukijaan:</p>
            <code><xsl:value-of select="$self"/></code>
            <p><a href="{$home}">Syötteen sivu sivustolla</a> · <a href="{$root}seuraa/">Kaikki syötteet ja kalenterit: Seuraa</a></p>
          </section>
          <h2>Uusimmat kirjoitukset</h2>
          <ol>
            <xsl:apply-templates select="/rss/channel/item | /atom:feed/atom:entry"/>
          </ol>
        </main>
      </body>
    </html>
  </xsl:template>

  <xsl:template match="item">
    <li>
      <h3><a href="{link}"><xsl:value-of select="title"/></a></h3>
      <p class="date"><xsl:call-template name="rss-date"><xsl:with-param name="d" select="pubDate"/></xsl:call-template>
        <xsl:if test="dc:creator"> · <xsl:value-of select="dc:creator"/></xsl:if></p>
      <xsl:if test="description"><p class="summary"><xsl:value-of select="description"/></p></xsl:if>
    </li>
  </xsl:template>

  <xsl:template match="atom:entry">
    <li>
      <h3><a href="{atom:link[not(@rel) or @rel='alternate'][1]/@href}"><xsl:value-of select="atom:title"/></a></h3>
      <p class="date"><xsl:call-template name="iso-date"><xsl:with-param name="d" select="atom:published"/></xsl:call-template>
        <xsl:for-each select="atom:author/atom:name"> · <xsl:value-of select="."/></xsl:for-each></p>
      <xsl:if test="atom:summary"><p class="summary"><xsl:value-of select="atom:summary"/></p></xsl:if>
    </li>
  </xsl:template>

  <!-- "Wed, 09 Dec 2026 13:00:00 +0200" -> "9.12.2026" -->
  <xsl:template name="rss-date">
    <xsl:param name="d"/>
    <xsl:variable name="month" select="substring($d, 9, 3)"/>
    <xsl:value-of select="number(substring($d, 6, 2))"/>.<xsl:value-of
      select="string-length(substring-before('JanFebMarAprMayJunJulAugSepOctNovDec', $month)) div 3 + 1"/>.<xsl:value-of
      select="substring($d, 13, 4)"/>
  </xsl:template>

  <!-- "2026-12-09T13:00:00+02:00" -> "9.12.2026" -->
  <xsl:template name="iso-date">
    <xsl:param name="d"/>
    <xsl:value-of select="number(substring($d, 9, 2))"/>.<xsl:value-of select="number(substring($d, 6, 2))"/>.<xsl:value-of
      select="substring($d, 1, 4)"/>
  </xsl:template>
</xsl:stylesheet>
