import { useEffect, type CSSProperties } from 'react';
import { ReactFlowProvider } from '@xyflow/react';
import { LAB_ACTIONS } from '../actions/labActions';
import { ShortcutsOverlay } from '../actions/ShortcutsOverlay';
import { SaveForDialog } from '../files/SaveForDialog';
import { useShortcuts } from '../actions/useShortcuts';
import { GraphCanvas } from '../editor/GraphCanvas';
import { FileDropOverlay } from '../files/FileDropOverlay';
import { Inspector } from '../inspector/Inspector';
import { Palette } from '../palette/Palette';
import { Plots } from '../plots/Plots';
import { ResumeOffer } from '../run/ResumeOffer';
import { RunPanel } from '../run/RunPanel';
import { useDatasetAutoPick } from '../run/useDatasetAutoPick';
import { useUiStore } from '../state/uiStore';
import { Notes } from './Notes';
import { fitPanels, type PanelKey } from './panelLayout';
import { Splitter } from './Splitter';
import { StatusBar } from './StatusBar';
import { Toolbar } from './Toolbar';
import { startLab } from './startup';
import { useWindowSize } from './useWindowSize';

/**
 * The lab's grid: toolbar; palette | canvas (an interrupted run's resume offer and the notes strip above it) | inspector over the run panel;
 * plots under palette and canvas; status bar. Splitters between them resize the panels; the sizes
 * are clamped to the window (panelLayout.ts), so nothing is pushed off screen.
 */
export function App() {
  useEffect(() => {
    void startLab(window.location.search);
  }, []);
  useShortcuts(LAB_ACTIONS);
  useDatasetAutoPick();
  const windowSize = useWindowSize();
  const wanted = useUiStore((s) => s.panels);
  const setPanel = useUiStore((s) => s.setPanel);
  const sizes = fitPanels(wanted, windowSize.width, windowSize.height);
  const style = {
    '--palette-w': `${sizes.palette}px`, '--side-w': `${sizes.side}px`, '--plots-h': `${sizes.plots}px`, '--run-h': `${sizes.run}px`,
  } as CSSProperties;
  const splitter = (key: PanelKey) => ({
    size: sizes[key],
    onResize: (size: number) => setPanel(key, fitPanels({ ...wanted, [key]: size }, windowSize.width, windowSize.height)[key]),
    onReset: () => setPanel(key, null),
  });
  return (
    <ReactFlowProvider>
      <div className="app" style={style}>
        <Toolbar />
        <Palette />
        <Splitter label="Resize palette" orientation="vertical" grows="forward" className="split-palette" {...splitter('palette')} />
        <main className="canvas" aria-label="Canvas">
          <ResumeOffer />
          <Notes />
          <GraphCanvas />
        </main>
        <Splitter label="Resize side panels" orientation="vertical" grows="backward" className="split-side" {...splitter('side')} />
        <div className="side">
          <Inspector />
          <Splitter label="Resize run panel" orientation="horizontal" grows="backward" className="split-run" {...splitter('run')} />
          <RunPanel />
        </div>
        <Splitter label="Resize plots" orientation="horizontal" grows="backward" className="split-plots" {...splitter('plots')} />
        <section className="plots-area" aria-label="Plots">
          <Plots />
        </section>
        <StatusBar />
      </div>
      <FileDropOverlay />
      <ShortcutsOverlay />
      <SaveForDialog />
    </ReactFlowProvider>
  );
}
