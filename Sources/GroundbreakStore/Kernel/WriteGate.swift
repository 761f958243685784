import Foundation

/// Lets one write transaction at a time into SQLite from this process.
///
/// SQLite allows a single writer; a second writer waits inside `sqlite3_step` on its busy
/// timeout, blocking one of the few threads of the I/O pool that the first writer needs to
/// commit. Queueing writers here instead keeps those threads free. PostgreSQL needs no gate.
actor WriteGate {
    private var busy = false
    private var waiters: [CheckedContinuation<Void, Never>] = []

    func enter() async {
        if !busy {
            busy = true
            return
        }
        await withCheckedContinuation { waiters.append($0) }
    }

    func leave() {
        if waiters.isEmpty {
            busy = false
        } else {
            waiters.removeFirst().resume()
        }
    }
}
