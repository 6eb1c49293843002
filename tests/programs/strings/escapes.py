# String literal escapes and raw strings.
print("tab:\t|")
print("newline:\nsecond line")
print("backslash: \\ quote: \" apostrophe: \'")
print('mixed "double" inside single')
print("mixed 'single' inside double")
print("hex \x41\x42 octal \101\102 unicode \u00e9 \U0001F600")
print(len("\x41"), len("\n"), len("\\n"), len("\U0001F600"))
print(r"raw \n stays", len(r"\n"))
print(r"C:\path\to\file")
print("""triple
quoted "with" 'quotes'""")
print('''another
triple''')
print("bell-less \0 null", len("\0"))
print("carriage\rreturn" == "carriage" + chr(13) + "return")
s = "line1\nline2\n\tindented"
print(s.split("\n"))
print(repr(s))
print("a" "b" 'c')
print("\N{GREEK SMALL LETTER ALPHA}", "\N{LATIN SMALL LETTER E WITH ACUTE}")
print("x\
y")
print(len("""
"""))
