/// `GET /v1/models`: the one model this server runs.
public struct ModelList: Codable, Sendable, Equatable {
    public var object = "list"
    public var data: [ModelCard]

    public init(data: [ModelCard]) { self.data = data }
}

/// One entry of ``ModelList`` (OpenAI's `model` object).
public struct ModelCard: Codable, Sendable, Equatable {
    public var id: String
    public var object = "model"
    /// Unix seconds (the server's start).
    public var created: Int
    public var ownedBy: String

    public init(id: String, created: Int, ownedBy: String = "reckon") {
        self.id = id
        self.created = created
        self.ownedBy = ownedBy
    }

    enum CodingKeys: String, CodingKey {
        case id, object, created, ownedBy = "owned_by"
    }
}
