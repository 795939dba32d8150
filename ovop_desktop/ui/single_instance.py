"""One application per data folder, and a second start hands over to it.

The first instance of a data folder listens on a local socket (a named pipe on Windows, a
socket file on Linux) whose name comes from the data folder and the user, so two folders, or
two users, never meet. A second start (a `.ovop` double-clicked in the file manager while the
application runs) sends its packages there and exits; the running window comes to the front and
previews them. The message is one line of JSON: `{"packages": ["/abs/path.ovop", ...]}`.
"""

from __future__ import annotations

import contextlib
import getpass
import hashlib
import json
import logging
import sys
from pathlib import Path

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from ovop_desktop.paths import AppPaths

log = logging.getLogger(__name__)

SERVER_PREFIX = "ovop-desktop-"
CONNECT_TIMEOUT_MS = 2000
MAX_MESSAGE_BYTES = 1 << 20  # a thousand long paths fit; anything bigger is not ours


def server_name(paths: AppPaths) -> str:
    """The socket's name for this data folder and user (short: Unix socket paths are limited)."""
    folder = str(paths.data_dir.resolve())
    if sys.platform == "win32":
        folder = folder.casefold()  # C:\Users\Budi and c:\users\budi are one folder there
    try:
        user = getpass.getuser()
    except (OSError, KeyError, ImportError):  # no name for this account: the folder alone
        user = ""
    digest = hashlib.sha256(f"{user}\0{folder}".encode()).hexdigest()[:24]
    return SERVER_PREFIX + digest


def hand_over(name: str, packages: list[str]) -> bool:
    """Send `packages` to the instance listening on `name`; False when none answers (it
    crashed, or it is an older version without a server)."""
    if sys.platform == "win32":
        _let_the_running_instance_come_forward()
    socket = QLocalSocket()
    socket.connectToServer(name)
    if not socket.waitForConnected(CONNECT_TIMEOUT_MS):
        return False
    files = [str(Path(p).resolve()) for p in packages]
    socket.write(json.dumps({"packages": files}).encode("utf-8") + b"\n")
    sent = socket.waitForBytesWritten(CONNECT_TIMEOUT_MS) or socket.bytesToWrite() == 0
    socket.disconnectFromServer()
    if socket.state() != QLocalSocket.LocalSocketState.UnconnectedState:
        socket.waitForDisconnected(CONNECT_TIMEOUT_MS)
    return sent


def _let_the_running_instance_come_forward() -> None:
    """Windows lets only the foreground process raise a window: this process, just started by
    the officer, is; it passes that right on (ASFW_ANY) before handing over."""
    import ctypes

    with contextlib.suppress(AttributeError, OSError):
        ctypes.windll.user32.AllowSetForegroundWindow(-1)  # type: ignore[attr-defined]


class InstanceServer(QObject):
    """Listens for second starts of the application on this data folder."""

    packagesReceived = Signal(list)  # list[str]: may be empty (the icon clicked again)

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self._server = QLocalServer(self)
        # Only this user may connect (on Windows the pipe's ACL, on Linux the socket's mode).
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(self._on_server_new_connection)
        self._buffers: dict[QLocalSocket, bytes] = {}

    def listen(self) -> bool:
        """Start listening. The caller holds the data folder's lock, so a server already under
        this name is a crashed instance's leftover (a socket file on Linux): it is removed."""
        QLocalServer.removeServer(self.name)
        if self._server.listen(self.name):
            return True
        log.warning("no hand-over server %s: %s", self.name, self._server.errorString())
        return False

    def close(self) -> None:
        self._server.close()

    @Slot()
    def _on_server_new_connection(self) -> None:
        while self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            self._buffers[socket] = b""
            socket.readyRead.connect(self._on_socket_ready_read)
            socket.disconnected.connect(self._on_socket_disconnected)
            self._on_socket_ready_read(socket)

    @Slot()
    def _on_socket_ready_read(self, socket: QLocalSocket | None = None) -> None:
        socket = socket or self._sender_socket()
        if socket is None or socket not in self._buffers:
            return
        data = self._buffers[socket] + bytes(socket.readAll().data())
        if len(data) > MAX_MESSAGE_BYTES:
            log.warning("hand-over message too long; ignored")
            self._drop(socket)
            return
        line, newline, _rest = data.partition(b"\n")
        if not newline:
            self._buffers[socket] = data
            return
        self._drop(socket)
        packages = _packages_in(line)
        if packages is not None:
            self.packagesReceived.emit(packages)

    @Slot()
    def _on_socket_disconnected(self) -> None:
        socket = self._sender_socket()
        if socket is not None and socket in self._buffers:
            self._on_socket_ready_read(socket)  # what arrived with the goodbye
            self._drop(socket)

    def _sender_socket(self) -> QLocalSocket | None:
        sender = self.sender()
        return sender if isinstance(sender, QLocalSocket) else None

    def _drop(self, socket: QLocalSocket) -> None:
        if self._buffers.pop(socket, None) is not None:
            socket.disconnectFromServer()
            socket.deleteLater()


def _packages_in(line: bytes) -> list[str] | None:
    """The `.ovop` paths of a hand-over message, or None when it is not one."""
    try:
        message = json.loads(line.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        log.warning("hand-over message not understood; ignored")
        return None
    files = message.get("packages") if isinstance(message, dict) else None
    if not isinstance(files, list) or not all(isinstance(f, str) for f in files):
        log.warning("hand-over message without a package list; ignored")
        return None
    return [f for f in files if f.lower().endswith(".ovop")]
