import NIOCore
import Synchronization

/// Notices a client that goes away (its side of the connection closes) while its request runs, without consuming
/// the connection's inbound stream, so the connection stays usable for the client's next request (HTTP/1.1
/// keep-alive). Hummingbird's `consumeWithInboundCloseHandler` would close the connection after the response.
///
/// A small handler is put at the end of the channel's pipeline for the request's duration; it calls `onDeparture`
/// (once, on the channel's event loop: keep it short) when the input side closes or the channel becomes inactive.
/// A client that only half-closes before the handler is in place is noticed when a write fails (streams) or not at
/// all (the answer is then written to a closed connection).
final class ClientDepartureWatcher: ChannelInboundHandler, RemovableChannelHandler, Sendable {
    typealias InboundIn = NIOAny

    private let onDeparture: @Sendable () -> Void
    private let fired = Mutex(false)
    private let channel = Mutex<(any Channel)?>(nil)

    private init(onDeparture: @escaping @Sendable () -> Void) {
        self.onDeparture = onDeparture
    }

    /// Starts watching `channel` (nil, e.g. in-process tests: nothing is watched). Call ``stop()`` when the
    /// request ends.
    static func watch(_ channel: (any Channel)?, onDeparture: @escaping @Sendable () -> Void) -> ClientDepartureWatcher {
        let watcher = ClientDepartureWatcher(onDeparture: onDeparture)
        guard let channel else { return watcher }
        watcher.channel.withLock { $0 = channel }
        channel.eventLoop.execute {
            // A closed channel's pipeline refuses handlers: the client has already gone.
            do { try channel.pipeline.syncOperations.addHandler(watcher, position: .last) } catch { watcher.depart() }
        }
        return watcher
    }

    /// Stops watching (idempotent; `onDeparture` is no longer called).
    func stop() {
        fired.withLock { $0 = true }
        guard let channel = channel.withLock({ channel in defer { channel = nil }; return channel }) else { return }
        channel.pipeline.removeHandler(self, promise: nil)
    }

    private func depart() {
        let first = fired.withLock { fired in
            defer { fired = true }
            return !fired
        }
        if first { onDeparture() }
    }

    func channelInactive(context: ChannelHandlerContext) {
        depart()
        context.fireChannelInactive()
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if case ChannelEvent.inputClosed = event { depart() }
        context.fireUserInboundEventTriggered(event)
    }
}
