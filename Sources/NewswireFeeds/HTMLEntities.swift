import CLibXML2

/// Named character references of HTML.
enum HTMLEntities {
    /// HTML 5 names that feeds use and HTML 4 (libxml2's table) lacks.
    private static let html5Additions: [String: UInt32] = [
        "apos": 0x27, "Tab": 0x09, "NewLine": 0x0A, "excl": 0x21, "num": 0x23, "dollar": 0x24,
        "percnt": 0x25, "lpar": 0x28, "rpar": 0x29, "ast": 0x2A, "plus": 0x2B, "comma": 0x2C, "period": 0x2E,
        "sol": 0x2F, "colon": 0x3A, "semi": 0x3B, "equals": 0x3D, "quest": 0x3F, "commat": 0x40, "lsqb": 0x5B,
        "bsol": 0x5C, "rsqb": 0x5D, "lowbar": 0x5F, "grave": 0x60, "lcub": 0x7B, "verbar": 0x7C, "vert": 0x7C,
        "rcub": 0x7D, "dash": 0x2010, "hyphen": 0x2010, "nbsp": 0xA0, "bull": 0x2022,
    ]

    /// The character `&name;` stands for, case-sensitively as HTML defines; nil when unknown.
    static func scalar(named name: String) -> Unicode.Scalar? {
        if let value = html5Additions[name] { return Unicode.Scalar(value) }
        initializeLibXML
        let entry = name.withCString { p in
            p.withMemoryRebound(to: xmlChar.self, capacity: name.utf8.count + 1) { htmlEntityLookup($0) }
        }
        return entry.flatMap { Unicode.Scalar($0.pointee.value) }
    }
}
