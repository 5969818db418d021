import './components/stowaway-app.js';
