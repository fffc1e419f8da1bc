import { useEffect } from 'react';
import { StatusBar } from './StatusBar';
import { startEngine } from './engine';

export function App() {
  useEffect(() => {
    void startEngine(window.location.search);
  }, []);
  return (
    <div className="app">
      <header className="toolbar">
        <span className="brand">Spikelab</span>
      </header>
      <aside className="palette" aria-label="Palette" />
      <main className="canvas" aria-label="Canvas" />
      <aside className="inspector" aria-label="Inspector" />
      <section className="run" aria-label="Run" />
      <StatusBar />
    </div>
  );
}
