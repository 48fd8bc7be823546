/*
 * Reads an Apple `.strings` file (mode "strings") or a property list such as
 * `.stringsdict` (mode "plist") with GNUstep Foundation and prints it as JSON
 * on stdout; any parse problem exits non-zero. Used by test/targets/apple.test.ts
 * as the real parser behind the read-back checks (docs/formats.md §4.2).
 *
 * strings: UTF-16 when a BOM says so, else strict UTF-8 (a UTF-8 BOM is
 * stripped); parsed by -propertyListFromStringsFileFormat; keys and values
 * must be strings.
 * plist:   NSPropertyListSerialization; only dictionaries, arrays and strings.
 *
 * JSON strings escape every UTF-16 unit outside printable ASCII as \uXXXX, so
 * the output is plain ASCII and shows exactly the units Foundation produced.
 */
#import <Foundation/Foundation.h>
#include <stdio.h>

static int fail(NSString *why)
{
  fprintf(stderr, "plist-reader: %s\n", [why UTF8String]);
  return 1;
}

static NSString *decodeStringsFile(NSData *data)
{
  const unsigned char *b = [data bytes];
  NSUInteger n = [data length];
  if (n >= 2 && ((b[0] == 0xFE && b[1] == 0xFF) || (b[0] == 0xFF && b[1] == 0xFE)))
    return [[[NSString alloc] initWithData: data encoding: NSUnicodeStringEncoding] autorelease];
  if (n >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF)
    data = [data subdataWithRange: NSMakeRange(3, n - 3)];
  return [[[NSString alloc] initWithData: data encoding: NSUTF8StringEncoding] autorelease];
}

static void appendJSONString(NSMutableString *out, NSString *s)
{
  NSUInteger i, n = [s length];
  [out appendString: @"\""];
  for (i = 0; i < n; i++) {
    unichar c = [s characterAtIndex: i];
    if (c == '"' || c == '\\') [out appendFormat: @"\\%C", c];
    else if (c >= 0x20 && c < 0x7F) [out appendFormat: @"%C", c];
    else [out appendFormat: @"\\u%04X", (unsigned)c];
  }
  [out appendString: @"\""];
}

/* NO when the value holds anything but dictionaries, arrays and strings. */
static BOOL appendJSON(NSMutableString *out, id value, BOOL stringsOnly)
{
  if ([value isKindOfClass: [NSString class]]) {
    appendJSONString(out, value);
    return YES;
  }
  if ([value isKindOfClass: [NSDictionary class]]) {
    NSArray *keys = [[value allKeys] sortedArrayUsingSelector: @selector(compare:)];
    NSUInteger i;
    [out appendString: @"{"];
    for (i = 0; i < [keys count]; i++) {
      id key = [keys objectAtIndex: i];
      id item = [value objectForKey: key];
      if (![key isKindOfClass: [NSString class]]) return NO;
      if (stringsOnly && ![item isKindOfClass: [NSString class]]) return NO;
      if (i > 0) [out appendString: @","];
      appendJSONString(out, key);
      [out appendString: @":"];
      if (!appendJSON(out, item, NO)) return NO;
    }
    [out appendString: @"}"];
    return YES;
  }
  if (!stringsOnly && [value isKindOfClass: [NSArray class]]) {
    NSUInteger i;
    [out appendString: @"["];
    for (i = 0; i < [value count]; i++) {
      if (i > 0) [out appendString: @","];
      if (!appendJSON(out, [value objectAtIndex: i], NO)) return NO;
    }
    [out appendString: @"]"];
    return YES;
  }
  return NO;
}

static id readStrings(NSData *data, NSString **why)
{
  NSString *text = decodeStringsFile(data);
  id plist = nil;
  if (text == nil) {
    *why = @"not valid UTF-8 or UTF-16";
    return nil;
  }
  NS_DURING
    plist = [text propertyListFromStringsFileFormat];
  NS_HANDLER
    *why = [NSString stringWithFormat: @"parse error: %@", [localException reason]];
    return nil;
  NS_ENDHANDLER
  if (plist == nil) *why = @"parse error (nil)";
  else if (![plist isKindOfClass: [NSDictionary class]]) *why = @"not a dictionary";
  return plist;
}

static id readPlist(NSData *data, NSString **why)
{
  NSError *error = nil;
  id plist = nil;
  NS_DURING
    plist = [NSPropertyListSerialization propertyListWithData: data
                                                      options: NSPropertyListImmutable
                                                       format: NULL
                                                        error: &error];
  NS_HANDLER
    *why = [NSString stringWithFormat: @"parse error: %@", [localException reason]];
    return nil;
  NS_ENDHANDLER
  if (plist == nil) *why = [NSString stringWithFormat: @"parse error: %@", error];
  return plist;
}

int main(int argc, char **argv)
{
  NSAutoreleasePool *pool = [NSAutoreleasePool new];
  NSString *why = nil;
  NSMutableString *json = [NSMutableString string];
  NSData *data;
  BOOL strings;
  id plist;
  int status = 0;

  if (argc != 3 || (strcmp(argv[1], "strings") != 0 && strcmp(argv[1], "plist") != 0))
    return fail(@"usage: plist-reader strings|plist FILE");
  strings = strcmp(argv[1], "strings") == 0;
  data = [NSData dataWithContentsOfFile: [NSString stringWithUTF8String: argv[2]]];
  if (data == nil) return fail(@"cannot read the file");
  plist = strings ? readStrings(data, &why) : readPlist(data, &why);
  if (plist == nil || why != nil) status = fail(why ? why : @"parse error");
  else if (!appendJSON(json, plist, strings)) status = fail(@"unexpected value type (strings only)");
  else printf("%s\n", [json UTF8String]);
  [pool release];
  return status;
}
