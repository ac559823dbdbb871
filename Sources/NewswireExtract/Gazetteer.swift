import NewswireWire

/// Lookups over the compiled-in lists. Built once per process (static lets are lazy and
/// thread-safe), then shared read-only by every extraction.
enum Gazetteer {
    struct Place: Sendable {
        let name: String
        let geo: GeoPoint
    }

    /// Lowercased place name (words separated by one space) → place.
    static let places: [String: Place] = {
        var d: [String: Place] = [:]
        d.reserveCapacity(1300)
        for line in GazetteerPlacesData.places.split(separator: "\n") {
            let f = line.split(separator: "|", omittingEmptySubsequences: false)
            guard f.count >= 3, let lat = Double(f[1]), let lon = Double(f[2]) else { continue }
            let cc = f.count > 3 && !f[3].isEmpty ? String(f[3]) : nil
            let name = String(f[0])
            d[name.lowercased()] = Place(name: name, geo: GeoPoint(latitude: lat, longitude: lon, countryCode: cc))
        }
        for line in GazetteerPlacesData.aliases.split(separator: "\n") {
            let f = line.split(separator: "=")
            guard f.count == 2, let p = d[f[1].lowercased()] else { continue }
            d[f[0].lowercased()] = p
        }
        return d
    }()

    /// Lowercased multi-word organisation names.
    static let organizationPhrases: Set<String> = Set(GazetteerGroups.organizationPhrases.map {
        $0.replacingOccurrences(of: "_", with: " ")
    })

    static func place(_ key: String) -> Place? { places[key] }

    static func isOrganization(_ key: String) -> Bool {
        GazetteerGroups.organizations.contains(key) || organizationPhrases.contains(key)
    }

    static func isGroup(_ key: String) -> Bool { GazetteerGroups.demonyms.contains(key) }
}
