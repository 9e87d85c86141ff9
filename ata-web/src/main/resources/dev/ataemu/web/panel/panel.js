// The device panel: state from GET /api/emulator/state, changes from the events socket, and every
// button a call to the emulator API (docs/emulator-api.md). The browser's session cookie from the
// device's own login lets it in.
"use strict";

const api = (path, body) => fetch("/api/emulator/" + path, body === undefined ? {} : {
  method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body)
}).then(response => response.json());

const $ = id => document.getElementById(id);
const el = (tag, props = {}, ...children) => {
  const node = Object.assign(document.createElement(tag), props);
  children.forEach(child => node.append(child));
  return node;
};

function showLed(id, state) {
  const lamp = $("led-" + id);
  if (!lamp) {
    return;
  }
  lamp.className = "lamp " + state.state;
  lamp.dataset.state = state.state;
  if (state.state === "blink") {
    lamp.style.animationDuration = (state.onMs + state.offMs) + "ms";
  } else {
    lamp.style.animationDuration = "";
  }
}

function drawUnit(state) {
  $("model").textContent = state.model;
  $("mac").textContent = state.mac;
  $("power").textContent = state.power;
  const front = $("front");
  front.replaceChildren();
  state.leds.forEach(led => {
    front.append(el("div", { className: "led" }, el("div", { id: "led-" + led.id, className: "lamp" }), led.id));
    showLed(led.id, led);
  });
  const jacks = $("jacks");
  jacks.replaceChildren();
  state.ports.forEach(port => jacks.append(el("div", { className: "jack" }, port.label)));
  ["WAN", "LAN"].forEach(name => jacks.append(el("div", { className: "jack" }, name)));
}

function keypad(port) {
  const pad = el("div", { className: "keypad" });
  "123456789*0#".split("").forEach(key => pad.append(el("button", {
    id: "key-" + port + "-" + (key === "*" ? "star" : key === "#" ? "hash" : key), textContent: key,
    onclick: () => api("ports/" + port + "/keys", { digits: key })
  })));
  return pad;
}

function drawPorts(state) {
  const ports = $("ports");
  ports.replaceChildren();
  state.ports.forEach(port => {
    if (port.type === "FXS") {
      const n = port.index;
      ports.append(el("div", { className: "port", id: "port-" + n },
        el("h2", { textContent: "Phone on " + port.label }),
        el("div", { className: "display", id: "display-" + n }),
        el("div", { className: "state" }, "line: ", el("b", { id: "line-" + n, textContent: port.line }),
          " ", el("span", { id: "dialed-" + n }), " ", el("span", { id: "ring-" + n, className: "ringing" })),
        el("div", {}, el("button", { id: "hook-" + n, textContent: port.hook === "off" ? "Hang up" : "Lift handset",
          onclick: () => api("ports/" + n + "/hook", { state: $("hook-" + n).dataset.hook === "off" ? "on" : "off" }) }),
          " ", el("button", { id: "flash-" + n, textContent: "Flash", onclick: () => api("ports/" + n + "/flash", { ms: 500 }) })),
        keypad(n),
        el("div", {}, el("span", { className: "mwi", id: "mwi-" + n }), " message waiting"),
        el("div", { className: "audio" }, el("button", { id: "audio-" + n, textContent: "Audio on",
          onclick: () => toggleAudio(n) }), " ", el("span", { id: "audio-state-" + n, className: "note" }))));
      $("hook-" + n).dataset.hook = port.hook;
      api("ports/" + n + "/handset").then(handset => {
        showCallerId(n, handset.callerId);
        showLamp(n, handset.messageWaitingLamp);
        showRing(n, handset.ringing);
      });
    } else {
      ports.append(el("div", { className: "port", id: "pstn" },
        el("h2", { textContent: "PSTN line on " + port.label }),
        el("div", { className: "state" }, "exchange: ", el("b", { id: "pstn-state", textContent: "…" }),
          " ", el("span", { id: "pstn-dialed" })),
        el("div", {}, el("input", { type: "text", id: "pstn-number", name: "pstn-number", placeholder: "caller number" }), " ",
          el("input", { type: "text", id: "pstn-name", name: "pstn-name", placeholder: "caller name" })),
        el("div", {}, el("button", { id: "pstn-ring", textContent: "Ring the line",
          onclick: () => api("pstn/ring", { number: $("pstn-number").value, name: $("pstn-name").value }) }), " ",
          el("button", { id: "pstn-hangup", textContent: "Hang up", onclick: () => api("pstn/hangup", {}) }))));
      api("pstn").then(pstn => showPstn(pstn.state, pstn.dialed));
    }
  });
}

function showCallerId(port, callerId) {
  const display = $("display-" + port);
  if (display) {
    display.textContent = callerId ? [callerId.number, callerId.name, callerId.callWaiting ? "(waiting)" : ""]
      .filter(Boolean).join(" ") : "";
  }
}

function showLamp(port, on) {
  const lamp = $("mwi-" + port);
  if (lamp) {
    lamp.className = "mwi" + (on ? " on" : "");
  }
}

function showRing(port, on) {
  const ring = $("ring-" + port);
  if (ring) {
    ring.textContent = on ? "RINGING" : "";
  }
}

function showPstn(state, dialed) {
  if ($("pstn-state")) {
    $("pstn-state").textContent = state;
    $("pstn-dialed").textContent = dialed || "";
  }
}

function event(message) {
  switch (message.type) {
    case "state": drawUnit(message.state); drawPorts(message.state); break;
    case "led": showLed(message.id, message); break;
    case "power": $("power").textContent = message.state; break;
    case "hook": {
      const button = $("hook-" + message.port);
      if (button) {
        button.dataset.hook = message.state;
        button.textContent = message.state === "off" ? "Hang up" : "Lift handset";
      }
      break;
    }
    case "call":
      if ($("line-" + message.port)) {
        $("line-" + message.port).textContent = message.state;
        $("dialed-" + message.port).textContent = message.dialed || "";
      }
      break;
    case "ring": showRing(message.port, message.on); break;
    case "callerId": showCallerId(message.port, message); break;
    case "messageWaitingLamp": showLamp(message.port, message.on); break;
    case "pstn": showPstn(message.state, message.dialed); break;
    default: break;
  }
}

// The call audio in the browser (docs/emulator-api.md): the earpiece's 20 ms frames of 8 kHz 16-bit
// PCM arrive on a WebSocket and play through Web Audio; the microphone, when the browser lends it,
// goes back the same way into the mouthpiece.
const audio = {};

function toggleAudio(port) {
  if (audio[port]) {
    audio[port].stop();
    return;
  }
  const context = new AudioContext({ sampleRate: 8000 });
  const socket = new WebSocket((location.protocol === "https:" ? "wss://" : "ws://") + location.host
    + "/api/emulator/ports/" + port + "/audio");
  socket.binaryType = "arraybuffer";
  const state = { heard: 0, sent: 0, level: -120, playAt: 0, microphone: null };
  const show = () => {
    $("audio-state-" + port).textContent = "heard " + state.heard + " frames, sent " + state.sent
      + ", level " + state.level.toFixed(0) + " dBFS";
    $("audio-state-" + port).dataset.heard = state.heard;
    $("audio-state-" + port).dataset.sent = state.sent;
    $("audio-state-" + port).dataset.level = state.level.toFixed(1);
  };
  socket.onmessage = message => {
    const pcm = new Int16Array(message.data);
    const buffer = context.createBuffer(1, pcm.length, 8000);
    const samples = buffer.getChannelData(0);
    let energy = 0;
    for (let i = 0; i < pcm.length; i++) {
      samples[i] = pcm[i] / 32768;
      energy += samples[i] * samples[i];
    }
    state.heard++;
    state.level = 10 * Math.log10(energy / pcm.length + 1e-12);
    const source = context.createBufferSource();
    source.buffer = buffer;
    source.connect(context.destination);
    // A little slack against network jitter; a late start begins again from now.
    state.playAt = Math.max(state.playAt, context.currentTime + 0.06);
    source.start(state.playAt);
    state.playAt += buffer.duration;
    if (state.heard % 5 === 0) {
      show();
    }
  };
  socket.onopen = () => {
    $("audio-" + port).textContent = "Audio off";
    show();
    if (navigator.mediaDevices && navigator.mediaDevices.getUserMedia) {
      navigator.mediaDevices.getUserMedia({ audio: true }).then(stream => {
        const microphone = context.createMediaStreamSource(stream);
        const tap = context.createScriptProcessor(1024, 1, 1);
        let pending = [];
        tap.onaudioprocess = event => {
          const input = event.inputBuffer.getChannelData(0);
          for (let i = 0; i < input.length; i++) {
            pending.push(Math.max(-32768, Math.min(32767, Math.round(input[i] * 32767))));
          }
          while (pending.length >= 160 && socket.readyState === WebSocket.OPEN) {
            socket.send(new Int16Array(pending.splice(0, 160)).buffer);
            state.sent++;
          }
        };
        microphone.connect(tap);
        tap.connect(context.destination);
        state.microphone = stream;
      }).catch(() => { $("audio-state-" + port).title = "no microphone: the mouthpiece stays silent"; });
    }
  };
  socket.onclose = () => state.stop();
  state.stop = () => {
    socket.close();
    if (state.microphone) {
      state.microphone.getTracks().forEach(track => track.stop());
    }
    context.close();
    delete audio[port];
    $("audio-" + port).textContent = "Audio on";
  };
  audio[port] = state;
}

function connect() {
  const socket = new WebSocket((location.protocol === "https:" ? "wss://" : "ws://") + location.host
    + "/api/emulator/events");
  socket.onopen = () => { $("connection").textContent = "live"; };
  socket.onmessage = message => event(JSON.parse(message.data));
  socket.onclose = () => { $("connection").textContent = "reconnecting…"; setTimeout(connect, 1000); };
}

let pressedAt = 0;
$("reset").addEventListener("mousedown", () => { pressedAt = Date.now(); $("reset-held").textContent = "held…"; });
$("reset").addEventListener("mouseup", () => {
  const ms = Math.max(1, Date.now() - pressedAt);
  $("reset-held").textContent = "held " + ms + " ms";
  api("reset-button", { ms });
});
$("power-on").onclick = () => api("power", { state: "on" });
$("power-off").onclick = () => api("power", { state: "off" });
connect();
