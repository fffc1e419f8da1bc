import { useEffect } from 'react';
import { ReactFlowProvider } from '@xyflow/react';
import { LAB_ACTIONS } from '../actions/labActions';
import { ShortcutsOverlay } from '../actions/ShortcutsOverlay';
import { useShortcuts } from '../actions/useShortcuts';
import { GraphCanvas } from '../editor/GraphCanvas';
import { FileDropOverlay } from '../files/FileDropOverlay';
import { Inspector } from '../inspector/Inspector';
import { Palette } from '../palette/Palette';
import { Plots } from '../plots/Plots';
import { RunPanel } from '../run/RunPanel';
import { useDatasetAutoPick } from '../run/useDatasetAutoPick';
import { Notes } from './Notes';
import { StatusBar } from './StatusBar';
import { Toolbar } from './Toolbar';
import { startLab } from './startup';

export function App() {
  useEffect(() => {
    void startLab(window.location.search);
  }, []);
  useShortcuts(LAB_ACTIONS);
  useDatasetAutoPick();
  return (
    <ReactFlowProvider>
      <div className="app">
        <Toolbar />
        <Palette />
        <main className="canvas" aria-label="Canvas">
          <GraphCanvas />
          <Notes />
        </main>
        <Inspector />
        <section className="plots-area" aria-label="Plots">
          <Plots />
        </section>
        <RunPanel />
        <StatusBar />
      </div>
      <FileDropOverlay />
      <ShortcutsOverlay />
    </ReactFlowProvider>
  );
}
